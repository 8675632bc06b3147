"""Developer tools that make the bundled data: the registry (`python -m ntm.build.registry`) and the
illustrative demo dataset (`python -m ntm.build.demo`). The app never imports them."""
