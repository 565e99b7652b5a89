//! Figures of the case log: write latency per change (p50 / p99), database size per
//! 1,000 cases, and the time to list and to search 100,000 cases.
//!
//! `cargo run --release --example store-figures [-- CASES]` (in a temporary directory)

use posdesk::store::{Field, NewCase, Store};
use std::time::Instant;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(at).copied().unwrap_or(f64::NAN)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let total: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir()?;
    let store = Store::open_in(dir.path())?;

    // Latency of single changes, each its own synced transaction.
    let new = NewCase {
        pack: "posdesk".into(),
        pack_version: "1".into(),
        symptom: Some("cardholder-auth-failed".into()),
        ..Default::default()
    };
    let id = store.new_case(&new)?;
    let mut times = Vec::new();
    for n in 0..500 {
        let start = Instant::now();
        match n % 3 {
            0 => {
                store.add_note(id, &format!("顾客说别的卡也刷不了，第{n}次"))?;
            }
            1 => {
                store.toggle_step(id, "retry-chip-verification", n % 4 + 1)?;
            }
            _ => {
                store.set_field(id, Field::Shop, &format!("百货一楼 {n}"))?;
            }
        }
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "write per change: p50 {:.2} ms, p99 {:.2} ms (500 changes, synchronous=FULL)",
        percentile(&times, 0.5),
        percentile(&times, 0.99)
    );
    drop(store);

    // A thousand cases as the app writes them: a shop, two notes, two ticks, an outcome.
    let sized = tempfile::tempdir()?;
    let store = Store::open_in(sized.path())?;
    for n in 0..1000 {
        let id = store.new_case(&new)?;
        store.set_field(id, Field::Shop, &format!("百货一楼 收银{n}号"))?;
        store.add_note(id, "顾客说别的卡也刷不了，换了一台POS机也一样")?;
        store.add_note(id, "已联系POS服务商，等回电")?;
        store.toggle_step(id, "retry-chip-verification", 1)?;
        store.toggle_step(id, "retry-chip-verification", 2)?;
        store.set_outcome(
            id,
            &posdesk::store::Outcome::Resolved {
                cause: "chip-cvm-failed".into(),
            },
        )?;
    }
    drop(store);
    {
        let conn = rusqlite::Connection::open(sized.path().join(posdesk::store::FILE_NAME))?;
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
    }
    let size = std::fs::metadata(sized.path().join(posdesk::store::FILE_NAME))?.len();
    println!(
        "database: {:.0} KB per 1,000 cases written through the app's calls",
        size as f64 / 1024.0
    );

    // Many cases, filled in one transaction (the figure is about reading them).
    let path = dir.path().join(posdesk::store::FILE_NAME);
    {
        let mut conn = rusqlite::Connection::open(&path)?;
        let tx = conn.transaction()?;
        let count = i64::try_from(total)?;
        tx.execute(
            "WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < ?1)
             INSERT INTO cases (opened_at, opened_ms, updated_at, pack, pack_version, symptom, shop, terminal, outcome, search)
             SELECT '2026-11-30T10:00:00.000+08:00', 1764468000000 + value, '2026-11-30T10:00:00.000+08:00',
                    'posdesk', '1', 'cardholder-auth-failed', '百货' || value || '号', 'T-' || value, 'open',
                    '百货' || value || '号 t-' || value || ' baihuo' || value || 'hao bh' || value || 'h'
             FROM n",
            [count - 1],
        )?;
        tx.commit()?;
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); VACUUM;")?;
    }
    let bytes = std::fs::metadata(&path)?.len();
    println!(
        "database: {:.1} MB for {total} short generated cases",
        bytes as f64 / 1e6
    );
    let store = Store::open_in(dir.path())?;
    for (what, query, limit) in [
        ("list the newest 500", None, 500),
        ("list all", None, usize::MAX),
        ("search 百货99999号", Some("百货99999号"), 50),
        ("search pinyin baihuo4242", Some("baihuo4242"), 50),
        ("search nothing found", Some("没有这个"), 50),
    ] {
        let start = Instant::now();
        let found = store.cases(None, query, limit)?;
        println!(
            "{what}: {:.1} ms ({} found)",
            start.elapsed().as_secs_f64() * 1000.0,
            found.len()
        );
    }
    Ok(())
}
