"""Stage 2 of the read path: public directory queries compiled to one SQL statement per
root field, the database building the JSON answer (DESIGN.md, "The read path")."""
