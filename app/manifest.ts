import type { MetadataRoute } from 'next';

/** App icons for home screens; the favicon and icon.svg come from app/ (Next's file conventions). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Taskbridge',
    short_name: 'Taskbridge',
    start_url: '/projects',
    display: 'standalone',
    background_color: '#f8fafc',
    theme_color: '#4f46e5',
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  };
}
