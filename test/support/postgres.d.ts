export interface PostgresServer {
    url: string;
    port: number;
    stop(): Promise<void>;
}
export declare function postgresBinDir(): string;
export declare function freePort(): Promise<number>;
export declare function startPostgres(): Promise<PostgresServer>;
//# sourceMappingURL=postgres.d.ts.map