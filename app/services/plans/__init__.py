"""services/plans — the settlement-plan round: what each plan letter offers (`offer`), the creditors'
recorded decisions with their history (`decisions`) and where a client's plan stands (`standing`)."""
