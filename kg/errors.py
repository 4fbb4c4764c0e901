"""The error types of policykg. Library code raises these; only the CLI prints them."""
from __future__ import annotations


class KgError(Exception):
    """Base class: a message fit to show a user as one line."""

    exit_code = 1


class InputError(KgError):
    """An input file cannot be read or understood."""

    exit_code = 2


class ResourceError(KgError):
    """A packaged resource (gazetteer, ontology) is missing or malformed."""

    exit_code = 3


class QueryError(KgError):
    """A SPARQL query is malformed or refused."""

    exit_code = 4


class ConfigError(KgError):
    """An option or name given by the user is not valid."""

    exit_code = 5
