/**
 * Context-cached chat (context create, {@code POST /api/v3/context/create}, and context chat,
 * {@code POST /api/v3/context/chat/completions}): {@link dev.arkchat.context.ContextClient} is faithful to the wire,
 * {@link dev.arkchat.context.ContextChatOperations} is what applications inject, and
 * {@link dev.arkchat.context.ContextSessions} keeps one server-side session per conversation, created lazily and
 * renewed when it expires.
 */
@NullMarked
package dev.arkchat.context;

import org.jspecify.annotations.NullMarked;
