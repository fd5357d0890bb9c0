"""The ``neck-shoulders`` figure: head, neck, tops of the shoulders and upper back, seen from behind.

Drawn about three times the scale of ``back``, so paths along the base of the skull,
up the neck and over the tops of the shoulders have room. The bottom edge crosses
the shoulder blades near their lower tips.
"""

from booklet.illustrate.figure import Figure
from booklet.illustrate.zones import LIGHT, NO_PRESSURE, Zone, capsule, oval, pair

ASPECT = 1.0

# Right half of the outline: from under the head down the side of the neck, out along the
# top of the shoulder and down the outside of the arm; across the cut arm; up into the
# armpit; down the side of the chest to the bottom edge.
RIGHT_RUNS = (
    (
        (0.560, 0.780),
        (0.588, 0.720),
        (0.580, 0.660),
        (0.584, 0.605),
        (0.606, 0.566),
        (0.662, 0.537),
        (0.740, 0.516),
        (0.820, 0.496),
        (0.890, 0.470),
        (0.940, 0.434),
        (0.966, 0.380),
        (0.976, 0.310),
        (0.978, 0.220),
    ),
    ((0.978, 0.220), (0.915, 0.224)),
    ((0.915, 0.224), (0.912, 0.258), (0.904, 0.292)),
    ((0.904, 0.292), (0.897, 0.220), (0.890, 0.140), (0.885, 0.060), (0.882, 0.020), (0.500, 0.020)),
)
SIDE = RIGHT_RUNS[-1][:5]
HEAD = ((0.5, 0.835), (0.112, 0.145))
EAR = ((0.614, 0.83), (0.018, 0.042))

SHOULDER_BLADE = (
    (0.615, 0.430),
    (0.720, 0.446),
    (0.830, 0.420),
    (0.850, 0.372),
    (0.780, 0.220),
    (0.690, 0.085),
    (0.645, 0.072),
    (0.622, 0.150),
    (0.610, 0.300),
)
BLADE_RIDGE = ((0.620, 0.402), (0.740, 0.428), (0.875, 0.452))
SKULL_RIDGE = ((0.515, 0.693), (0.555, 0.702), (0.588, 0.728), (0.606, 0.765))  # the base of the skull
COLLAR = ((0.600, 0.548), (0.680, 0.512), (0.790, 0.488))  # the ridge of the top of the shoulder

_BASE_OF_SKULL = (
    (0.516, 0.668),
    (0.560, 0.676),
    (0.584, 0.708),
    (0.588, 0.755),
    (0.592, 0.782),
    (0.562, 0.738),
    (0.516, 0.726),
)
_NECK = ((0.516, 0.570), (0.566, 0.570), (0.563, 0.610), (0.562, 0.664), (0.516, 0.662))
_SIDE_OF_NECK = ((0.569, 0.574), (0.594, 0.574), (0.582, 0.610), (0.578, 0.668), (0.568, 0.666))
_SHOULDER_TOP = (
    (0.603, 0.552),
    (0.662, 0.528),
    (0.740, 0.508),
    (0.820, 0.488),
    (0.886, 0.463),
    (0.930, 0.428),
    (0.890, 0.424),
    (0.820, 0.448),
    (0.740, 0.466),
    (0.660, 0.486),
    (0.600, 0.508),
)
_UPPER_BACK = (
    (0.516, 0.040),
    (0.640, 0.040),
    (0.615, 0.150),
    (0.604, 0.300),
    (0.606, 0.450),
    (0.598, 0.505),
    (0.516, 0.540),
)
_SPINE = capsule(0.5, 0.030, 0.690, 0.013, ASPECT)

ZONES = {
    z.name: z
    for z in (
        Zone("head", "Head", (oval(0.5, 0.86, 0.09, 0.10),), (0.5, 0.87)),
        Zone("base-of-skull", "Base of skull", pair(_BASE_OF_SKULL), (0.565, 0.712)),
        Zone("neck", "Neck", pair(_NECK), (0.54, 0.62)),
        Zone("side-of-neck", "Side of neck", pair(_SIDE_OF_NECK), (0.58, 0.62), LIGHT),
        Zone("shoulders", "Tops of shoulders", pair(_SHOULDER_TOP), (0.76, 0.478)),
        Zone("shoulder-blades", "Shoulder blades", pair(SHOULDER_BLADE), (0.73, 0.30)),
        Zone("upper-back", "Upper back", pair(_UPPER_BACK), (0.56, 0.30)),
        Zone("spine", "Spine", (_SPINE,), (0.5, 0.30), NO_PRESSURE),
    )
}

FIGURE = Figure(
    name="neck-shoulders",
    label="Neck and shoulders",
    aspect=ASPECT,
    zones=ZONES,
    right_runs=RIGHT_RUNS,
    ovals=(HEAD,),
    paired_ovals=(EAR,),
    landmarks=(BLADE_RIDGE, SKULL_RIDGE, COLLAR),
    closed_landmarks=(SHOULDER_BLADE,),
    vertebrae=(0.05, 0.68, 12),
    side=SIDE,
    low=0.08,
    high=0.72,
    clearance=0.04,
)
