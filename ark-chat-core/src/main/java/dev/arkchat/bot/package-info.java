/**
 * Bot (agent) chat completions v3, {@code POST /api/v3/bots/chat/completions}: {@link dev.arkchat.bot.BotChatClient}
 * is faithful to the wire, {@link dev.arkchat.bot.BotChatOperations} is what applications inject.
 */
@NullMarked
package dev.arkchat.bot;

import org.jspecify.annotations.NullMarked;
