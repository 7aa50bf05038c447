"""Excel out: workbook.py is the sheet contract, cells.py writes values safely, ladder.py sums up placements."""
