fn main() -> eframe::Result<()> {
    monthly_return::ui::app::run(std::env::args_os().nth(1).map(std::path::PathBuf::from))
}
