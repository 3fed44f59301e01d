/**
 * Bot chat v2 (legacy), {@code POST /api/v2/bots/{bot_id}/chat}: {@link dev.arkchat.bot.legacy.LegacyBotChatClient}
 * is faithful to the wire, {@link dev.arkchat.bot.legacy.LegacyBotChatOperations} is what applications inject. Its
 * Bearer key is usually a temporary key issued for the bot ({@link dev.arkchat.auth.TemporaryApiKeyProvider}). The
 * answer's references and usage have the same shape as in bot chat v3, so {@link dev.arkchat.bot.Reference} and
 * {@link dev.arkchat.bot.BotUsage} are reused.
 */
@NullMarked
package dev.arkchat.bot.legacy;

import org.jspecify.annotations.NullMarked;
