// Vite's client types for the renderer: `?worker`, `?url` and import.meta.glob (used by the PDF viewer).
/// <reference types="vite/client" />
