package dev.arkchat.knowledge;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.arkchat.Fixtures;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ChatRole;
import dev.arkchat.chat.ContentPart;
import dev.arkchat.http.ArkJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JavaType;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The default prompt, against a golden text, for a normal, an FAQ and an image chunk. */
class DefaultKnowledgePromptTemplateTest {

	/** A result list as the search returns it: a normal chunk, an FAQ chunk, an image chunk with a link. */
	static final String RESULT_LIST = """
			[{"id": "n", "content": "得宝（DUPLO）系列颗粒大，适合 1.5 岁以上。", "chunk_title": "适合 3 岁的系列",
			  "chunk_type": "text", "point_id": "p-n",
			  "doc_info": {"doc_name": "产品手册.pdf", "title": "乐高积木选购指南", "doc_meta": "[]"}},
			 {"id": "f", "content": "支持七天无理由退货。", "original_question": "可以退货吗？", "chunk_type": "faq",
			  "doc_info": {"doc_name": "faq.xlsx"}},
			 {"id": "i", "content": "消防局与消防直升机套装", "chunk_title": "消防局套装", "chunk_type": "image",
			  "chunk_attachment": [{"uuid": "u1", "caption": "消防局", "type": "image",
			                        "link": "https://tos.example.com/fire.png"}],
			  "doc_info": {"doc_name": "玩具图册.pdf", "title": "图册"}}]""";

	static List<KnowledgeChunk> chunks() {
		JavaType type = ArkJson.mapper().getTypeFactory().constructCollectionType(List.class, KnowledgeChunk.class);
		return ArkJson.mapper().readValue(RESULT_LIST, type);
	}

	static String golden(String name) throws Exception {
		return new String(new ClassPathResource("knowledge/" + name).getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private final DefaultKnowledgePromptTemplate template = new DefaultKnowledgePromptTemplate();

	@Test
	void forAVisionModelTheImageIsSentWithTheQuestionAndReferencedInTheContext() throws Exception {
		List<ChatMessage> history = List.of(ChatMessage.user("推荐一个适合 3 岁小孩的玩具"),
				ChatMessage.assistant("您可以看看乐高积木、拼图、消防局套装。"));

		List<ChatMessage> messages = this.template
			.messages(new KnowledgePromptInput("详细介绍下乐高积木有哪些合适的系列", history, chunks(), true));

		assertThat(messages).hasSize(4);
		assertThat(messages.get(0).role()).isEqualTo(ChatRole.SYSTEM);
		assertThat(messages.get(0).content()).isEqualTo(golden("default-prompt-vision.golden.txt"));
		assertThat(messages.subList(1, 3)).isEqualTo(history);
		assertThat(messages.get(3)).isEqualTo(ChatMessage.user(ContentPart.text("详细介绍下乐高积木有哪些合适的系列"),
				ContentPart.imageUrl("https://tos.example.com/fire.png")));
	}

	@Test
	void forATextModelNoImageIsSentOrReferenced() throws Exception {
		List<ChatMessage> messages = this.template
			.messages(new KnowledgePromptInput("可以退货吗？", List.of(), chunks(), false));

		assertThat(messages).hasSize(2);
		assertThat(messages.get(0).content())
			.isEqualTo(golden("default-prompt-vision.golden.txt").replace("<img>图片1</img>", ""));
		assertThat(messages.get(1)).isEqualTo(ChatMessage.user("可以退货吗？"));
	}

	@Test
	void imagesAreNumberedInTheOrderTheyAreSentAndChunksWithoutLinksAreSkipped() {
		JavaType type = ArkJson.mapper().getTypeFactory().constructCollectionType(List.class, KnowledgeChunk.class);
		List<KnowledgeChunk> chunks = ArkJson.mapper().readValue("""
				[{"content": "a", "chunk_attachment": [{"link": "https://x/a.png"}]},
				 {"content": "b", "chunk_attachment": [{"link": ""}]},
				 {"content": "c", "chunk_attachment": [{"link": "https://x/c.png"}]}]""", type);

		List<ChatMessage> messages = new DefaultKnowledgePromptTemplate("{{context}}")
			.messages(new KnowledgePromptInput("q", List.of(), chunks, true));

		assertThat(messages.get(0).content())
			.isEqualTo("content: a<img>图片1</img>\n---\ncontent: b\n---\ncontent: c<img>图片2</img>\n---");
		assertThat(messages.get(1).contentParts()).containsExactly(ContentPart.text("q"),
				ContentPart.imageUrl("https://x/a.png"), ContentPart.imageUrl("https://x/c.png"));
	}

	@Test
	void theDocumentedSearchAnswerMakesThisContext() {
		KnowledgeSearchResult.Data data = ArkJson.mapper()
			.readerFor(KnowledgeSearchResult.Data.class)
			.at("/data")
			.readValue(Fixtures.raw("knowledge-search_knowledge-response.doc.json"));

		List<ChatMessage> messages = new DefaultKnowledgePromptTemplate("<context>\n{{context}}\n</context>")
			.messages(new KnowledgePromptInput("HNSW?", List.of(), data.toResult(null).chunks(), false));

		assertThat(messages.get(0).content()).isEqualTo("""
				<context>
				doc_name: 2404.08817v2.pdf
				title: title
				chunk_title: title
				content: content
				---
				doc_name: 2404.08817v2.pdf
				title: title
				chunk_title: title
				content: content
				---
				</context>""");
	}

	@Test
	void noChunksMakeAnEmptyContext() {
		List<ChatMessage> messages = new DefaultKnowledgePromptTemplate("<context>\n{{context}}\n</context>")
			.messages(new KnowledgePromptInput("q", List.of(), List.of(), true));

		assertThat(messages.get(0).content()).isEqualTo("<context>\n\n</context>");
		assertThat(messages.get(1)).isEqualTo(ChatMessage.user("q"));
	}

	@Test
	void aTemplateOfYourOwnFillsItsPlaceholdersOnce() {
		DefaultKnowledgePromptTemplate own = new DefaultKnowledgePromptTemplate(
				"Answer {{ question }} from:\n{{context}}\nKeep {{unknown}} and {{ as they are.");
		JavaType type = ArkJson.mapper().getTypeFactory().constructCollectionType(List.class, KnowledgeChunk.class);
		List<KnowledgeChunk> chunks = ArkJson.mapper()
			.readValue("[{\"content\": \"literally {{question}} and {{context}}\"}]", type);

		List<ChatMessage> messages = own.messages(new KnowledgePromptInput("why?", List.of(), chunks, false));

		assertThat(messages.get(0).content()).isEqualTo("Answer why? from:\n"
				+ "content: literally {{question}} and {{context}}\n---\nKeep {{unknown}} and {{ as they are.");
	}

	@Test
	void aTemplateWithoutTheContextPlaceholderIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DefaultKnowledgePromptTemplate("Answer {{question}}"))
			.withMessageContaining("needs the placeholder {{context}}");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DefaultKnowledgePromptTemplate
				.fromResource(new ByteArrayResource("no placeholder".getBytes(StandardCharsets.UTF_8), "my prompt")))
			.withMessageContaining("my prompt")
			.withMessageContaining("{{context}}");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DefaultKnowledgePromptTemplate.fromResource(new ClassPathResource("knowledge/none.txt")))
			.withMessageContaining("could not be read");
	}

	@Test
	void aTemplateIsReadFromAResourceAsUtf8WithoutItsByteOrderMark() {
		byte[] bytes = "\uFEFF参考资料：\n{{context}}".getBytes(StandardCharsets.UTF_8);

		DefaultKnowledgePromptTemplate own = DefaultKnowledgePromptTemplate.fromResource(new ByteArrayResource(bytes));

		assertThat(own.getSystemTemplate()).isEqualTo("参考资料：\n{{context}}");
	}

}
