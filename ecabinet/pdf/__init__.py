"""PDF helpers shared by dossiers, minutes and board books: fonts and layout primitives."""
