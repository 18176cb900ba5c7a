"""The app's areas, one module each; every module here is imported and its `@register_page` class shown."""
