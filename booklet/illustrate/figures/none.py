"""The ``none`` figure: no body at all, for techniques that are not done on a body."""

from booklet.illustrate.figure import Figure

FIGURE = Figure(name="none", label="No figure", aspect=1.0, zones={})
