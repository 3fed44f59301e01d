package dev.arkchat.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ContentPart;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;

/**
 * The prompt of the official multi-turn knowledge sample: a system message that tells the model to answer only from
 * the reference material inside {@code <context></context>}, then the conversation so far, then the question.
 * <p>
 * The reference material lists every chunk the search found, in order, each as {@code doc_name: …},
 * {@code title: …} (both from {@code doc_info}), {@code chunk_title: …} and {@code content: …} lines (a line only when
 * its value is present), followed by a {@code ---} line. An FAQ chunk's content is its question and answer. When the
 * model understands images, the first attachment of each image chunk is sent with the question as an image part, and
 * its content ends with {@code <img>图片N</img>}, N counting the images in the order they are sent.
 * <p>
 * The system text is a template with two placeholders: {@value #CONTEXT} (the reference material, required) and
 * {@value #QUESTION} (the question). Other {@code {{…}}} text is left as it is; the values are inserted once, so a
 * chunk that contains {@code {{question}}} is not expanded. {@link #DEFAULT_SYSTEM_TEMPLATE} is the built-in text;
 * {@link #DefaultKnowledgePromptTemplate(String)} and {@link #fromResource(Resource)} take another. Thread-safe.
 */
public class DefaultKnowledgePromptTemplate implements KnowledgePromptTemplate {

	/** The placeholder of the reference material. */
	public static final String CONTEXT = "{{context}}";

	/** The placeholder of the question. */
	public static final String QUESTION = "{{question}}";

	/** The built-in system text, after the official multi-turn sample. */
	public static final String DEFAULT_SYSTEM_TEMPLATE = """
			# 任务
			你是一位在线客服，你的首要任务是通过巧妙的话术回复用户的问题，你需要根据「参考资料」来回答接下来的「用户问题」，\
			这些信息在 <context></context> XML tags 之内，你需要根据参考资料给出准确，简洁的回答。

			你的回答要满足以下要求：
			1. 回答内容必须在参考资料范围内，尽可能简洁地回答问题，不能做任何参考资料以外的扩展解释。
			2. 回答中需要根据用户问题和参考资料保持与用户的友好沟通。
			3. 如果参考资料不能帮助你回答用户问题，告知用户无法回答该问题，并引导用户提供更加详细的信息。
			4. 为了保密需要，委婉地拒绝回答有关参考资料的文档名称或文档作者等问题。

			# 任务执行
			现在请你根据提供的参考资料，遵循以上要求来回答用户的问题，你的回答需要准确和完整。

			# 参考资料
			<context>
			{{context}}
			</context>
			参考资料中可能会包含图片信息，图片的引用说明在 <img></img> XML tags 之内，参考资料内的图片顺序与用户上传的图片顺序一致。""";

	private final String systemTemplate;

	/** The built-in prompt. */
	public DefaultKnowledgePromptTemplate() {
		this(DEFAULT_SYSTEM_TEMPLATE);
	}

	/**
	 * A prompt with another system text.
	 * @param systemTemplate the system text, with {@value #CONTEXT} where the reference material goes and optionally
	 * {@value #QUESTION}
	 * @throws IllegalArgumentException when the text has no {@value #CONTEXT} placeholder
	 */
	public DefaultKnowledgePromptTemplate(String systemTemplate) {
		Objects.requireNonNull(systemTemplate, "systemTemplate must not be null");
		if (Placeholders.find(systemTemplate, "context") < 0) {
			throw new IllegalArgumentException("A knowledge prompt template needs the placeholder " + CONTEXT
					+ " where the reference material goes; without it the model sees none of the chunks found");
		}
		this.systemTemplate = systemTemplate;
	}

	/**
	 * A prompt whose system text is read from a resource, as UTF-8.
	 * @param resource the resource, such as {@code classpath:prompts/knowledge.txt}
	 * @return the template
	 * @throws IllegalArgumentException when the resource cannot be read or has no {@value #CONTEXT} placeholder
	 */
	public static DefaultKnowledgePromptTemplate fromResource(Resource resource) {
		String text;
		try (InputStream in = resource.getInputStream()) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(
					"The knowledge prompt template " + resource.getDescription() + " could not be read: " + ex, ex);
		}
		catch (UncheckedIOException ex) {
			throw new IllegalArgumentException("The knowledge prompt template " + resource.getDescription()
					+ " could not be read: " + ex.getCause(), ex);
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		try {
			return new DefaultKnowledgePromptTemplate(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(resource.getDescription() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The system text, with its placeholders.
	 * @return the template text
	 */
	public String getSystemTemplate() {
		return this.systemTemplate;
	}

	@Override
	public List<ChatMessage> messages(KnowledgePromptInput input) {
		List<String> images = new ArrayList<>();
		StringBuilder context = new StringBuilder();
		for (KnowledgeChunk chunk : input.chunks()) {
			String image = input.vision() ? chunk.attachmentLink() : null;
			if (image != null) {
				images.add(image);
			}
			if (context.length() > 0) {
				context.append('\n');
			}
			context.append(chunk(chunk, (image != null) ? images.size() : 0)).append("---");
		}
		String system = Placeholders.expand(this.systemTemplate, context.toString(), input.question());
		List<ChatMessage> messages = new ArrayList<>(input.history().size() + 2);
		messages.add(ChatMessage.system(system));
		messages.addAll(input.history());
		if (images.isEmpty()) {
			messages.add(ChatMessage.user(input.question()));
		}
		else {
			List<ContentPart> parts = new ArrayList<>(images.size() + 1);
			parts.add(ContentPart.text(input.question()));
			images.forEach((url) -> parts.add(ContentPart.imageUrl(url)));
			messages.add(ChatMessage.user(parts));
		}
		return messages;
	}

	/**
	 * One chunk of the reference material: its {@code doc_name}, {@code title}, {@code chunk_title} and
	 * {@code content} lines, each ending with a line break. Override to show chunks differently.
	 * @param chunk the chunk
	 * @param imageNumber the number of the chunk's image among the images sent, from 1, or 0 when none is sent
	 * @return the lines
	 */
	protected String chunk(KnowledgeChunk chunk, int imageNumber) {
		StringBuilder sb = new StringBuilder();
		DocInfo doc = chunk.docInfo();
		if (doc != null) {
			line(sb, "doc_name", doc.docName());
			line(sb, "title", doc.title());
		}
		line(sb, "chunk_title", chunk.chunkTitle());
		String content = content(chunk);
		if (imageNumber > 0) {
			content = content + "<img>图片" + imageNumber + "</img>";
		}
		line(sb, "content", content);
		return sb.toString();
	}

	/**
	 * The content of a chunk as the model reads it: for an FAQ chunk, its question and answer; otherwise its text.
	 * @param chunk the chunk
	 * @return the content
	 */
	protected String content(KnowledgeChunk chunk) {
		String content = Objects.requireNonNullElse(chunk.content(), "");
		if (chunk.isFaq()) {
			return "当用户问到相似的问题时，请参考对应的答案回答。问题：“" + chunk.originalQuestion() + "”，答案：“" + content
					+ "”";
		}
		return content;
	}

	private static void line(StringBuilder sb, String name, @Nullable String value) {
		if (value != null && !value.isEmpty()) {
			sb.append(name).append(": ").append(value).append('\n');
		}
	}

	@Override
	public String toString() {
		return "DefaultKnowledgePromptTemplate{" + (this.systemTemplate.equals(DEFAULT_SYSTEM_TEMPLATE) ? "built-in"
				: this.systemTemplate.length() + " chars") + "}";
	}

	/** The {@code {{name}}} placeholders of a template: found with optional spaces inside the braces, expanded once. */
	static final class Placeholders {

		private Placeholders() {
		}

		/**
		 * Finds a placeholder.
		 * @param template the template
		 * @param name the placeholder's name
		 * @return the index of its {@code {{}, or -1
		 */
		static int find(String template, String name) {
			int from = 0;
			while (true) {
				int open = template.indexOf("{{", from);
				if (open < 0) {
					return -1;
				}
				int close = template.indexOf("}}", open + 2);
				if (close < 0) {
					return -1;
				}
				if (template.substring(open + 2, close).strip().equals(name)) {
					return open;
				}
				from = open + 2;
			}
		}

		static String expand(String template, String context, String question) {
			StringBuilder sb = new StringBuilder(template.length() + context.length());
			int from = 0;
			while (true) {
				int open = template.indexOf("{{", from);
				int close = (open >= 0) ? template.indexOf("}}", open + 2) : -1;
				if (open < 0 || close < 0) {
					sb.append(template, from, template.length());
					return sb.toString();
				}
				String name = template.substring(open + 2, close).strip();
				String value = switch (name) {
					case "context" -> context;
					case "question" -> question;
					default -> null;
				};
				if (value == null) {
					sb.append(template, from, open + 2);
					from = open + 2;
					continue;
				}
				sb.append(template, from, open).append(value);
				from = close + 2;
			}
		}

	}

}
