"""policykg: a knowledge-graph builder for Chinese policy and industry documents."""

__version__ = "0.1.0"
