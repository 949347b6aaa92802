def register() -> None:
    """Registered later."""
