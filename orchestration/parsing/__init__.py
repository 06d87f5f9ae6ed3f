"""Pure parsing: source files and cells in, typed rows and rejections out.

Nothing here imports Dagster or opens the warehouse; every function is testable on plain values.
"""
