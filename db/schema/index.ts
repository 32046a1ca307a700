export * from './auth';
export * from './projects';
export * from './tasks';
export * from './integrations';
export * from './sync';
