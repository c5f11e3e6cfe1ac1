"""The corridor map: the drawn map of places and corridors (map_view) and its colours, pens and symbols
(map_style), which the fact sheet's map inset shares."""
