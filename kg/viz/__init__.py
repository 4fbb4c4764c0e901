"""The network page: a networkx projection of the graph drawn by vis-network in one HTML file.

Owns: which nodes and edges people see, their colours, sizes and details, and the page itself
(scripts and styles inline, nothing fetched). Every string from documents reaches the page as
JSON data and is shown with ``textContent``, never parsed as HTML.
"""
from kg.viz.network import ego, export, project, radial_layout, render_html

__all__ = ["ego", "export", "project", "radial_layout", "render_html"]
