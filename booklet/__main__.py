"""python -m booklet"""

from booklet.start import run

run()
