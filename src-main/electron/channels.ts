// IPC channel names shared by the main process and the preload bridge.
export const COMMAND_CHANNEL = 'yishi:command';
export const EVENT_CHANNEL = 'yishi:event';
export const PRINT_CHANNEL = 'yishi:print';
