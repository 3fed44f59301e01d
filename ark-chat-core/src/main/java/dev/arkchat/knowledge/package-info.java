/**
 * The knowledge base (E5 search, E6 chat) and the retrieval-generation chain built on them:
 * {@link dev.arkchat.knowledge.KnowledgeClient} is faithful to the wire (signed with AK/SK),
 * {@link dev.arkchat.knowledge.KnowledgeOperations} is what applications inject, and its
 * {@code ask(question)} searches the collection, builds the prompt with a
 * {@link dev.arkchat.knowledge.KnowledgePromptTemplate} and lets the model answer from the chunks it found.
 */
@NullMarked
package dev.arkchat.knowledge;

import org.jspecify.annotations.NullMarked;
