"""Ingest: files to :class:`~kg.types.Document` records, documents to articles."""
from kg.ingest.articles import split_articles
from kg.ingest.reader import iter_input_files, read_document, read_documents

__all__ = ["iter_input_files", "read_document", "read_documents", "split_articles"]
