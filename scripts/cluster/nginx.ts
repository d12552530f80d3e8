/**
 * nginx in front of the portal instances (round robin), as a production load balancer would be: it passes the
 * Host header on, appends the client to X-Forwarded-For (so the instances run with
 * VIZPORT_TRUSTED_PROXY_HOPS=1), and moves a request to the next instance when one does not answer, so a
 * killed instance costs at most one retried request. Runs in the foreground of its own process group, with
 * its pid, logs and temp files in `dir`.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { findBinary } from "../../test/services/binaries";
import { start, type Started } from "../processes";

export function nginxConfig(dir: string, port: number, upstreams: number[]): string {
  const servers = upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join("\n");
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream vizport {
${servers}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 1m;
    location / {
      proxy_pass http://vizport;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering off;
      proxy_connect_timeout 1s;
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries 2;
    }
  }
}
`;
}

export function startNginx(dir: string, port: number, upstreams: number[]): Started {
  const file = join(dir, "nginx.conf");
  writeFileSync(file, nginxConfig(dir, port, upstreams));
  return start("nginx", findBinary("nginx"), ["-p", dir, "-c", file, "-g", "daemon off;"], {}, "ignore");
}
