"""Maps: boundary files and their matching to the registry (`boundaries`), the folium map
(`folium_map`), the static map image (`image`), the Leaflet files served locally (`assets`) and
the builder of the bundled default boundaries (`build_default`)."""
