"""The ``back`` figure: a whole back lying face down, head to hips (the data lives in zones.py)."""

from booklet.illustrate import zones
from booklet.illustrate.figure import Figure

FIGURE = Figure(
    name="back",
    label="Back",
    aspect=zones.ASPECT,
    zones=zones.ZONES,
    right_runs=zones.RIGHT_RUNS,
    ovals=((zones.HEAD_CENTRE, zones.HEAD_RADII),),
    paired_ovals=(zones.EAR,),
    landmarks=(*zones.RIB_ARCS, zones.BLADE_RIDGE, zones.HIP_CREST),
    closed_landmarks=(zones.SHOULDER_BLADE,),
    vertebrae=zones.VERTEBRAE,
    side=zones.TORSO_SIDE,
    low=0.26,
    high=0.70,
    clearance=0.045,
)
