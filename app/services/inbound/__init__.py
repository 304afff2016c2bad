"""inbound — services stage: one adapter module per inbound mail provider (signature scheme, event
shape, where the body and attachments are fetched from). Zendesk's lives in routers/webhooks.py and
services/signatures.py; every adapter hands intake the same InboundEmail."""
