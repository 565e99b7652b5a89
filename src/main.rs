fn main() {
    match posdesk::load_embedded() {
        Ok(pack) => println!("ok: {} items", pack.len()),
        Err(e) => print!("{e}"),
    }
}
