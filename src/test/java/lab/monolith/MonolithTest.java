package lab.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.business.payments.NewTip;
import lab.business.posts.NewPost;
import lab.business.posts.Post;
import lab.business.threads.NewReply;
import lab.chassis.store.H2Database;

class MonolithTest {

	@TempDir
	Path dir;

	@Test
	void theFourModulesWorkTogetherInOneProcessOnOneDatabase() throws SQLException {
		try (H2Database db = H2Database.open(dir, "monolith")) {
			Monolith monolith = Monolith.assemble(db);
			Post post = monolith.posts().create(new NewPost(4L, "One database, four modules"));
			assertThat(post.authorName()).isEqualTo("Maryam Mirzakhani");
			assertThat(monolith.threads().reply(post.id(), new NewReply(1L, "And one process")).authorName())
				.isEqualTo("Ada Lovelace");
			assertThat(monolith.payments().tip(new NewTip(1L, 4L, 300L, "monolith-key")).replayed()).isFalse();
			assertThat(monolith.posts().feed(1).degraded()).isFalse();
			int tables = db.inTransaction(c -> {
				try (var rs = c.createStatement().executeQuery(
					"SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
					rs.next();
					return rs.getInt(1);
				}
			});
			assertThat(tables).isEqualTo(4);
		}
	}

}
