"""The domain: the year's data, amounts, rates, scoring and checks. Plain Python only."""
