import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_ROUTE = 'scrt:public-route';

/** Marks a route that needs no internal token (health probes only). */
export const Public = () => SetMetadata(IS_PUBLIC_ROUTE, true);
