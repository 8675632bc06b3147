"""Files a user takes away: the briefing deck (`deck`: PPTX and PDF) and tables (`tables`: CSV and
Excel, with the display tables the pages show)."""
