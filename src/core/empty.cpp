// Placeholder translation unit for a module that has no sources of its own yet.
