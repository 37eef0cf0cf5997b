package lab.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

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
			List<String> tables = db.inTransaction(c -> {
				List<String> names = new ArrayList<>();
				try (var rs = c.createStatement()
					.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
					while (rs.next()) {
						names.add(rs.getString(1));
					}
				}
				return names;
			});
			// the four modules' tables, and the one that makes seeding happen once per
			// database
			assertThat(tables).containsExactlyInAnyOrder("USERS", "POSTS", "REPLIES", "TIPS", "SEEDED");
		}
	}

}
