"""GraphQL over WebSocket: both protocols, text frames, through the same gate as HTTP."""
