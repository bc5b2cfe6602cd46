// docs/openapi.json against a real server: every answer of `veille serve` to
// the requests below is validated with ajv against the schema the document
// gives for its path, method, status and content type, so that a change in
// the shape of an answer, or in the document, fails here. Also: the document
// is a well-formed OpenAPI 3.1 object whose every $ref resolves and whose
// examples (from docs/API.md) match their schemas, and every operation and
// every documented 2xx/4xx status was exercised (so that the document cannot
// drift from the server).
//
// Run: node --test tests/e2e/openapi.test.mjs (from the repository root;
// ctest runs it with the other e2e tests as dashboard_e2e). Needs
// build/veille (or VEILLE_BINARY) and node_modules/ajv (npm ci).
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import net from 'node:net';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {articles, hostile} from './fixture.mjs';
import {repoRoot, startServer} from './server.mjs';

const doc = JSON.parse(readFileSync(path.join(repoRoot, 'docs', 'openapi.json'), 'utf8'));
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function loadAjv() {
  try {
    return createRequire(path.join(repoRoot, 'package.json'))('ajv/dist/2020').default;
  } catch {
    throw new Error('the OpenAPI test cannot run: missing ajv (node_modules/; npm ci, or scripts/install-deps)');
  }
}
const Ajv2020 = loadAjv();
// strict: false, since the document holds OpenAPI keywords that are no JSON
// Schema ones; its schemas are reached as openapi#/<JSON pointer>.
const ajv = new Ajv2020({strict: false, allErrors: true});
ajv.addSchema(doc, 'openapi');

const escape = (segment) => String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
const pointer = (...segments) => '#/' + segments.map(escape).join('/');

function resolve(ref) {
  assert.ok(ref.startsWith('#/'), `$ref ${ref}: only references inside the document are used`);
  let at = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    assert.ok(at !== null && typeof at === 'object' && key in at, `$ref ${ref} does not resolve`);
    at = at[key];
  }
  return at;
}

// A response or parameter object, through its $ref if it has one, and the
// pointer of where it stands.
function deref(object, where) {
  return object.$ref ? {object: resolve(object.$ref), where: object.$ref} : {object, where};
}

const validators = new Map();
function validator(schemaPointer) {
  if (!validators.has(schemaPointer)) {
    const validate = ajv.getSchema('openapi' + schemaPointer);
    assert.ok(validate, `no schema at ${schemaPointer}`);
    validators.set(schemaPointer, validate);
  }
  return validators.get(schemaPointer);
}

function assertValid(schemaPointer, value, what) {
  const validate = validator(schemaPointer);
  if (!validate(value)) {
    const errors = validate.errors.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
    assert.fail(`${what} does not match ${schemaPointer}:\n  ${errors.join('\n  ')}\n${JSON.stringify(value).slice(0, 2000)}`);
  }
}

// The schema of an answer, as the document gives it.
function responseSchema(template, method, status, contentType) {
  const operation = doc.paths[template]?.[method];
  assert.ok(operation, `${method.toUpperCase()} ${template} is not in docs/openapi.json`);
  const declared = operation.responses[String(status)];
  assert.ok(declared, `${method.toUpperCase()} ${template} answered ${status}, which docs/openapi.json does not list`);
  const {object: response, where} = deref(declared, pointer('paths', template, method, 'responses', String(status)));
  assert.ok(response.content?.[contentType],
    `${method.toUpperCase()} ${template} ${status}: content type ${contentType} is not documented`);
  return `${where}/content/${escape(contentType)}/schema`;
}

describe('docs/openapi.json', () => {
  it('is an OpenAPI 3.1 document', () => {
    assert.match(doc.openapi, /^3\.1\.\d+$/);
    assert.equal(typeof doc.info?.title, 'string');
    assert.equal(typeof doc.info?.version, 'string');
    assert.ok(doc.paths && Object.keys(doc.paths).length > 0, 'no paths');
    const operationIds = new Set();
    for (const [template, item] of Object.entries(doc.paths)) {
      assert.ok(template.startsWith('/'), `path ${template}`);
      const inTemplate = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      for (const method of Object.keys(item)) {
        assert.ok(METHODS.includes(method), `${template}: ${method} is not an HTTP method`);
        const operation = item[method];
        assert.ok(operation.operationId && !operationIds.has(operation.operationId), `${template} ${method}: operationId`);
        operationIds.add(operation.operationId);
        const parameters = (operation.parameters || []).map((p, i) =>
          deref(p, pointer('paths', template, method, 'parameters', i)).object);
        for (const p of parameters) {
          assert.ok(['query', 'header', 'path', 'cookie'].includes(p.in) && p.name && p.schema, `${template} ${method}: parameter ${JSON.stringify(p)}`);
          if (p.in === 'path') assert.equal(p.required, true, `${template}: path parameter ${p.name} must be required`);
        }
        assert.deepEqual(parameters.filter((p) => p.in === 'path').map((p) => p.name).sort(), inTemplate,
          `${method.toUpperCase()} ${template}: path parameters`);
        assert.ok(operation.responses && Object.keys(operation.responses).length > 0, `${template} ${method}: responses`);
        for (const status of Object.keys(operation.responses)) assert.match(status, /^[1-5]\d\d$/);
        for (const requirement of operation.security || []) {
          for (const scheme of Object.keys(requirement)) {
            assert.ok(doc.components?.securitySchemes?.[scheme], `security scheme ${scheme} is not defined`);
          }
        }
      }
    }
  });

  it('has every $ref resolve inside the document', () => {
    let refs = 0;
    const walk = (value) => {
      if (Array.isArray(value)) return value.forEach(walk);
      if (value === null || typeof value !== 'object') return;
      if (typeof value.$ref === 'string') {
        resolve(value.$ref);
        ++refs;
      }
      Object.values(value).forEach(walk);
    };
    walk(doc);
    assert.ok(refs > 0);
  });

  it('compiles every schema and matches every example to its schema', () => {
    for (const name of Object.keys(doc.components.schemas)) validator(pointer('components', 'schemas', name));
    let examples = 0;
    const check = (content, where) => {
      for (const [type, media] of Object.entries(content || {})) {
        const schemaAt = `${where}/content/${escape(type)}/schema`;
        if (type.endsWith('json')) validator(schemaAt);
        for (const [name, example] of Object.entries(media.examples || {})) {
          if (!type.endsWith('json')) continue;
          assertValid(schemaAt, example.value, `example ${name} of ${where}`);
          ++examples;
        }
      }
    };
    for (const [name, response] of Object.entries(doc.components.responses || {})) {
      check(response.content, pointer('components', 'responses', name));
    }
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (!response.$ref) check(response.content, pointer('paths', template, method, 'responses', status));
        }
      }
    }
    assert.ok(examples >= 8, `only ${examples} examples`);
  });
});

describe('veille serve answers as docs/openapi.json says', {timeout: 120_000}, () => {
  let server;
  let closed;  // a server started without a token
  const exercised = new Map();  // "get /api/search" → the statuses seen

  before(async () => {
    [server, closed] = await Promise.all([
      startServer([...articles, ...hostile]),
      startServer(articles.slice(0, 1), {token: null}),
    ]);
  });

  after(async () => {
    await Promise.all([server?.stop(), closed?.stop()]);
  });

  // Sends a request for the operation `method template` and validates the
  // answer against the document. Returns {status, body, headers}.
  async function call(method, template, url, init = {}, target = server) {
    let res;
    try {
      res = await fetch(target.url + url, {method: method.toUpperCase(), ...init});
    } catch (err) {
      throw new Error(`${method.toUpperCase()} ${url.slice(0, 200)}: no answer (${err.cause?.code ?? err.message}); ` +
        `the server's output:\n${target.log().slice(-2000)}`);
    }
    const text = await res.text();
    return check(method, template, res.status, res.headers.get('content-type'), text, res.headers);
  }

  function check(method, template, status, contentType, text, headers) {
    const key = `${method} ${template}`;
    if (!exercised.has(key)) exercised.set(key, new Set());
    exercised.get(key).add(status);
    assert.equal(contentType, 'application/json', `${key} ${status}: content type`);
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      assert.fail(`${key} ${status}: not JSON: ${text.slice(0, 300)}`);
    }
    assertValid(responseSchema(template, method, status, contentType), body, `${key} ${status}`);
    return {status, body, headers};
  }

  const errorCode = (answer) => answer.body.error.code;

  it('GET /healthz', async () => {
    const {status, body} = await call('get', '/healthz', '/healthz');
    assert.equal(status, 200);
    assert.equal(body.articles, articles.length + hostile.length);
  });

  it('GET /api/search: with and without facets, paged, facets alone, and refused', async () => {
    const s = '/api/search';
    const withFacets = await call('get', s, '/api/search?q=Loukachenka&facets=true');
    assert.equal(withFacets.status, 200);
    assert.ok(withFacets.body.hits.length > 0 && withFacets.body.facets);
    assert.ok(withFacets.body.hits[0].snippet.parts.some((p) => p.match));

    const plain = await call('get', s, '/api/search?q=Loukachenko');
    assert.equal(plain.status, 200);
    assert.ok(plain.body.total >= 2 && !('facets' in plain.body));

    const paged = await call('get', s, '/api/search?q=Loukachenko&limit=1&offset=1');
    assert.equal(paged.status, 200);
    assert.equal(paged.body.hits.length, 1);
    assert.equal(paged.body.hits[0].id, plain.body.hits[1].id);
    assert.equal(paged.body.next_offset, plain.body.total > 2 ? 2 : null);

    const facetsAlone = await call('get', s, `/api/search?q=${encodeURIComponent('outlet:"Le Monde"')}&facets=true`);
    assert.equal(facetsAlone.status, 200);
    assert.ok(facetsAlone.body.hits.length > 0);
    assert.deepEqual(facetsAlone.body.facets.outlets.map((f) => f.value), ['Le Monde']);

    const hostileHits = await call('get', s, '/api/search?q=zanzibar&facets=yes');
    assert.equal(hostileHits.body.hits.length, hostile.length);

    const malformed = await call('get', s, `/api/search?q=${encodeURIComponent('"Loukachenko')}`);
    assert.equal(malformed.status, 400);
    assert.equal(errorCode(malformed), 'bad_query');
    assert.equal(malformed.body.error.position, 1);
    const nothing = await call('get', s, '/api/search?q=');
    assert.equal(nothing.status, 400);
    assert.equal(errorCode(nothing), 'bad_query');
    for (const range of ['limit=0', 'limit=101', 'offset=100001', 'offset=-1', 'limit=x']) {
      const refused = await call('get', s, `/api/search?q=Minsk&${range}`);
      assert.equal(refused.status, 400, range);
      assert.equal(errorCode(refused), 'bad_request', range);
    }
    const edges = await call('get', s, '/api/search?q=Minsk&limit=100&offset=100000');
    assert.equal(edges.status, 200);
    assert.deepEqual(edges.body.hits, []);
  });

  it('GET /api/articles/{id}: every article of the fixture, and an unknown one', async () => {
    const t = '/api/articles/{id}';
    const all = await call('get', '/api/search', '/api/search?q=from:1900-01-01&limit=100');
    assert.equal(all.body.total, articles.length + hostile.length);
    for (const {id} of all.body.hits) {
      const {status, body} = await call('get', t, `/api/articles/${id}`);
      assert.equal(status, 200, id);
      assert.equal(body.id, id);
      // What a schema cannot say: the indices of parts point into the lists.
      for (const block of body.blocks) {
        for (const part of block.parts) {
          for (const [key, list] of [['entity', 'entities'], ['quote', 'quotes'], ['time', 'times']]) {
            if (key in part) assert.ok(part[key] < body[list].length, `${id}: ${key} ${part[key]} of ${body[list].length}`);
          }
        }
      }
    }
    for (const id of ['00000000000000000000000000000000', 'nope']) {
      const missing = await call('get', t, `/api/articles/${id}`);
      assert.equal(missing.status, 404);
      assert.equal(errorCode(missing), 'not_found');
    }
  });

  it('GET /api/entities/{name}: a person, a place, an unknown name', async () => {
    const t = '/api/entities/{name}';
    const person = await call('get', t, '/api/entities/Lukashenko?limit=2');
    assert.equal(person.status, 200);
    assert.equal(person.body.type, 'PER');
    assert.equal(person.body.recent.items.length, 2);
    assert.equal(person.body.recent.next_offset, 2);
    assert.ok(person.body.quotes.items.length > 0 && person.body.quotes.items.length <= 2);
    const place = await call('get', t, '/api/entities/Minsk');
    assert.equal(place.status, 200);
    assert.equal(place.body.type, 'LOC');
    const cyrillic = await call('get', t, `/api/entities/${encodeURIComponent('Лукашенко')}`);
    assert.equal(cyrillic.body.entity, person.body.entity);
    const unknown = await call('get', t, '/api/entities/Nobody');
    assert.equal(unknown.status, 404);
    assert.equal(errorCode(unknown), 'not_found');
    const refused = await call('get', t, '/api/entities/Minsk?limit=101');
    assert.equal(refused.status, 400);
    assert.equal(errorCode(refused), 'bad_request');
  });

  it('GET /api/quotes: by speaker, by query, and refused', async () => {
    const t = '/api/quotes';
    const bySpeaker = await call('get', t, '/api/quotes?speaker=Macron');
    assert.equal(bySpeaker.status, 200);
    assert.ok(bySpeaker.body.items.length > 0);
    assert.ok(bySpeaker.body.items.every((q) => q.speaker?.name === 'Emmanuel Macron'));
    const byQuery = await call('get', t, '/api/quotes?q=Minsk&limit=2');
    assert.equal(byQuery.status, 200);
    assert.equal(byQuery.body.items.length, 2);
    const neither = await call('get', t, '/api/quotes');
    assert.equal(neither.status, 400);
    assert.equal(errorCode(neither), 'bad_request');
    const malformed = await call('get', t, `/api/quotes?q=${encodeURIComponent('"Minsk')}`);
    assert.equal(malformed.status, 400);
    assert.equal(errorCode(malformed), 'bad_query');
  });

  it('GET /api/outlets', async () => {
    const t = '/api/outlets';
    const all = await call('get', t, '/api/outlets');
    assert.equal(all.status, 200);
    assert.equal(all.body.limit, 50);
    assert.equal(all.body.items.length, all.body.total);
    const two = await call('get', t, '/api/outlets?limit=2');
    assert.equal(two.body.next_offset, 2);
    const refused = await call('get', t, '/api/outlets?offset=100001');
    assert.equal(refused.status, 400);
  });

  it('POST /api/ingest: without a token, with it, refused, and off', async () => {
    const t = '/api/ingest';
    const auth = {authorization: `Bearer ${server.token}`};
    const ndjson = {'content-type': 'application/x-ndjson'};
    const line = JSON.stringify({id: 'o1', outlet: 'Ouest-France', published: '2022-05-02', title: 'Rennes',
      text: 'Le maire de Rennes a inauguré lundi un nouveau pont sur la Vilaine.'});

    for (const headers of [ndjson, {...ndjson, authorization: 'Bearer wrong'}, {...ndjson, authorization: 'Basic e2U='}]) {
      const refused = await call('post', t, '/api/ingest', {headers, body: line + '\n'});
      assert.equal(refused.status, 401);
      assert.equal(errorCode(refused), 'unauthorized');
      assert.match(refused.headers.get('www-authenticate') || '', /^Bearer/);
    }

    const added = await call('post', t, '/api/ingest', {headers: {...auth, ...ndjson}, body: `${line}\nnot json\n`});
    assert.equal(added.status, 200);
    assert.deepEqual({...added.body, errors: added.body.errors.map((e) => [e.line, e.code])},
      {inserted: 1, versions: 0, duplicates: 0, rejected: 1, errors: [[2, 'invalid_json']]});

    const form = new FormData();
    form.append('file', new Blob([line + '\n']), 'again.jsonl');
    const again = await call('post', t, '/api/ingest', {headers: auth, body: form});
    assert.equal(again.status, 200);
    assert.equal(again.body.duplicates, 1);

    const page = new FormData();
    page.append('file', new Blob(['<html><head><title>Lyon</title></head><body><p>Un texte sur Lyon, mardi, ' +
      'dit Jean Dupont.</p></body></html>']), 'page.html');
    const html = await call('post', t, '/api/ingest', {headers: auth, body: page});
    assert.equal(html.body.inserted, 1);
    const found = await call('get', '/api/search', '/api/search?q=Lyon');
    assert.equal(found.body.hits.length, 1);
    await call('get', '/api/articles/{id}', `/api/articles/${found.body.hits[0].id}`);

    const unreadable = await call('post', t, '/api/ingest', {headers: {...auth, ...ndjson}, body: 'not json\n{"x": 1}\n'});
    assert.equal(unreadable.status, 400);
    assert.equal(errorCode(unreadable), 'bad_request');
    assert.deepEqual(unreadable.body.error.errors.map((e) => e.code), ['invalid_json', 'missing_field']);
    const empty = await call('post', t, '/api/ingest', {headers: {...auth, ...ndjson}, body: ''});
    assert.equal(empty.status, 400);
    const noFile = new FormData();
    noFile.append('other', new Blob([line]), 'a.jsonl');
    const withoutFile = await call('post', t, '/api/ingest', {headers: auth, body: noFile});
    assert.equal(withoutFile.status, 400);

    const off = await call('post', t, '/api/ingest', {headers: {...auth, ...ndjson}, body: line + '\n'}, closed);
    assert.equal(off.status, 403);
    assert.equal(errorCode(off), 'ingest_disabled');
  });

  it('answers oversized requests with the documented error: 413, 414, and 400 for headers', async () => {
    // A body announced larger than --max-request-mb (64) is refused before it is sent.
    const {port} = new URL(server.url);
    const raw = await new Promise((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1');
      let answer = '';
      socket.setEncoding('utf8');
      socket.setTimeout(10_000, () => socket.destroy(new Error('no answer to an oversized request')));
      // The server answers at once but closes only at its read timeout: stop at the body's end.
      const whole = () => {
        const [head, body = ''] = answer.split('\r\n\r\n');
        const length = head.match(/^content-length: *(\d+)/im)?.[1];
        return length !== undefined && Buffer.byteLength(body) >= Number(length);
      };
      socket.on('data', (chunk) => {
        answer += chunk;
        if (whole()) {
          socket.destroy();
          resolve(answer);
        }
      });
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
      socket.write(`POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${server.token}\r\n` +
        `Content-Type: application/x-ndjson\r\nContent-Length: ${65 << 20}\r\nConnection: close\r\n\r\n`);
    });
    const [head, ...rest] = raw.split('\r\n\r\n');
    const status = Number(head.match(/^HTTP\/1\.1 (\d{3})/)?.[1]);
    const type = head.match(/^content-type: *(.*)$/im)?.[1];
    const tooLarge = check('post', '/api/ingest', status, type, rest.join('\r\n\r\n'), null);
    assert.equal(tooLarge.status, 413);
    assert.equal(errorCode(tooLarge), 'too_large');

    const longUrl = await call('get', '/api/search', `/api/search?q=${'a'.repeat(9000)}`);
    assert.equal(longUrl.status, 414);
    assert.equal(errorCode(longUrl), 'too_large');

    // Request headers over 8 KiB: a malformed request to the HTTP library.
    const big = {'x-big': 'a'.repeat(9000)};
    for (const [template, url] of [['/healthz', '/healthz'], ['/api/articles/{id}', '/api/articles/x']]) {
      const refused = await call('get', template, url, {headers: big});
      assert.equal(refused.status, 400, url);
      assert.equal(errorCode(refused), 'bad_request', url);
    }
  });

  it('answers an unknown endpoint with the Error schema', async () => {
    const res = await fetch(`${server.url}/api/nothing`);
    assert.equal(res.status, 404);
    assertValid(pointer('components', 'schemas', 'Error'), await res.json(), 'GET /api/nothing');
  });

  // Last: what the tests above did not reach would be a part of the document
  // that nothing checks.
  it('exercised every operation and every documented 2xx and 4xx answer', () => {
    const missing = [];
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const seen = exercised.get(`${method} ${template}`);
        if (!seen) {
          missing.push(`${method.toUpperCase()} ${template}`);
          continue;
        }
        for (const status of Object.keys(operation.responses)) {
          // 413 and 414 are checked once above; 5xx need a broken archive.
          if (['413', '414'].includes(status) || status.startsWith('5')) continue;
          if (!seen.has(Number(status))) missing.push(`${method.toUpperCase()} ${template} ${status}`);
        }
      }
    }
    assert.deepEqual(missing, [], 'documented but never exercised');
  });
});
