"""Accounts, passwords, tokens and sessions."""
