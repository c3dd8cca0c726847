"""quotes: a quote attribution and speaker index for news.

The flow, one module per stage: ``sources`` → ``clean`` → ``extract`` → ``speakers``
(with ``personnames`` and ``registry``) → ``cluster`` → ``store``; ``ingest`` runs it, ``cli`` wires it to the command line,
``web`` serves the result with Datasette, ``evaluate`` scores it against gold.
"""

__version__ = "0.1.0"
