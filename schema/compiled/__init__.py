"""Stage 2 of the read path: public directory queries compiled to one SQL statement per
root field, the database building the JSON answer (docs/design.md, "The read path")."""
