"""matching — which inquiry a reply answers: candidates → signals → score → decide; reads only.

`engine.match` runs it. The package itself imports nothing, so the web process can fold names the way
matching does (`normalize`) without loading the scorer, the extractor and the attachment readers."""
