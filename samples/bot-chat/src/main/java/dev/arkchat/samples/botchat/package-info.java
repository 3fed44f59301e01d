/**
 * Sample: a Spring MVC application that chats with an Ark bot through ark-chat's starter, blocking ({@code POST /chat})
 * and streamed as server-sent events ({@code GET /chat/stream}). Without an API key it answers from a fake Ark started
 * in-process ({@link dev.arkchat.samples.botchat.MockArkEnvironmentPostProcessor}).
 */
@NullMarked
package dev.arkchat.samples.botchat;

import org.jspecify.annotations.NullMarked;
