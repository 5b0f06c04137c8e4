// MySQL/MariaDB integrations of @mallkit/sync (mysql2 and @vlasky/zongji are optional peers).
