"""Demo data: the Government's structure, fictional people, sample agendas and generated dossiers."""
