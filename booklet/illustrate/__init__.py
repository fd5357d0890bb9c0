"""Generated vector diagrams: the body outline, its named zones and stroke motions.

zones and motions are pure data and geometry (cheap to import, used by the validator);
diagram and images draw with ReportLab and are imported by their module path.
"""
