/**
 * POST /api/admin/images?field=logo|coverImage — an image file as the raw
 * request body (any Content-Type: the type is sniffed from the bytes). Up to
 * 10 MB; a larger body is refused with 413 before it is read. Signed-in,
 * same-origin only; the answer is the stored image's hash, size and widths
 * (201 when new, 200 when the same bytes were stored before). The image
 * appears on a record only when the record is saved with it, through the
 * record's own versioned, audited and permission-checked update.
 *
 * GET /api/admin/images/:hash — the same description, for the admin's preview.
 */
import {
  FieldError,
  getServices,
  IMAGE_FIELD_LABELS,
  NotFoundError,
  coded,
  type Auth,
  type ImageFieldLabel,
  type MediaFolder,
} from '@cos/api';
import type { DatabaseHandle } from '@cos/db';
import { IMAGE_LIMITS, imageHashSchema } from '@cos/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { signedInSameOrigin } from './admin-session';
import type { OriginPolicy } from './csrf';
import { sendHttpError } from './http-errors';

const MAX_MB = IMAGE_LIMITS.maxBytes / 1024 / 1024;

function labelOf(request: FastifyRequest): ImageFieldLabel {
  const field = (request.query as Record<string, string | undefined>).field;
  return IMAGE_FIELD_LABELS.find((l) => l === field) ?? 'image';
}

/**
 * A refusal's body: the English text, the field it is about, and the
 * catalogue code and parameters so the admin words it in its own language.
 */
function refusalBody(error: FieldError) {
  const tooLarge = error.messageCode === 'image.tooLarge';
  return {
    status: tooLarge ? 413 : 400,
    body: {
      error: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST',
      message: error.text,
      field: error.field,
      messageCode: error.messageCode,
      messageParams: error.params,
    },
  };
}

/** 413 for a body Fastify stopped reading at the limit. */
function tooLarge(label: ImageFieldLabel) {
  return refusalBody(FieldError.coded(label, 'image.tooLarge', { label, maxMb: MAX_MB }));
}

export function registerImageRoutes(
  app: FastifyInstance,
  handle: DatabaseHandle,
  auth: Auth,
  origins: OriginPolicy,
  folder: MediaFolder,
): void {
  // Who is asking, and from where, before a byte of the body is read.
  const guard = signedInSameOrigin(handle, auth, origins);

  app.register((scope, _options, done) => {
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: IMAGE_LIMITS.maxBytes },
      (_request, body, next) => next(null, body),
    );
    scope.setErrorHandler((error, request, reply) => {
      if ((error as { statusCode?: number }).statusCode === 413) {
        const { status, body } = tooLarge(labelOf(request));
        return reply.status(status).send(body);
      }
      return sendHttpError(reply, error);
    });
    scope.post(
      '/api/admin/images',
      { bodyLimit: IMAGE_LIMITS.maxBytes, onRequest: guard.onRequest },
      async (request, reply) => {
        const label = labelOf(request);
        try {
          const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
          const image = await getServices(handle).images.upload(
            guard.userOf(request),
            body,
            label,
            folder,
          );
          const { stored, ...info } = image;
          return await reply.status(stored ? 201 : 200).send(info);
        } catch (error) {
          if (error instanceof FieldError) {
            const { status, body } = refusalBody(error);
            return reply.status(status).send(body);
          }
          return sendHttpError(reply, error);
        }
      },
    );
    scope.get('/api/admin/images/:hash', { onRequest: guard.onRequest }, async (request, reply) => {
      const { hash } = request.params as { hash: string };
      const info = imageHashSchema.safeParse(hash).success
        ? getServices(handle).images.find(hash)
        : undefined;
      if (!info)
        return sendHttpError(
          reply,
          new NotFoundError(coded('image.unknown', { label: labelOf(request) })),
        );
      return reply.header('cache-control', 'private, no-store').send(info);
    });
    done();
  });
}
