"""The Qt layer: windows, pages, dialogs, table models. The only package that imports Qt."""
