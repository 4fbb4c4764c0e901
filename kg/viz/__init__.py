"""The network page: entities and their relations drawn by vis-network in one HTML file.

Owns: which nodes and edges people see, their colours, sizes and details, and the page itself
(scripts and styles inline, nothing fetched). Every string from documents reaches the page as
JSON data and is shown with ``textContent``, never parsed as HTML.
"""
from kg.viz.model import Network, ego, network_from_results, network_from_store
from kg.viz.network import export, render_html

__all__ = ["Network", "ego", "export", "network_from_results", "network_from_store",
           "render_html"]
