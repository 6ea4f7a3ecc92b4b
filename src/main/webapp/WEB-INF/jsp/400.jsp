<%@ page isErrorPage="true" pageEncoding="UTF-8" %>
<% request.setAttribute("pageTitle", "400"); %>
<%@ include file="_top.jspf" %>
<h1>${en ? 'The request could not be understood' : '요청을 처리할 수 없습니다'}</h1>
<c:set var="message" value="${requestScope['jakarta.servlet.error.message']}"/>
<c:if test="${not empty message}"><p class="error-detail"><c:out value="${message}"/></p></c:if>
<p class="error-code"><c:out value="${requestScope['jakarta.servlet.error.status_code']}"/></p>
<%@ include file="_bottom.jspf" %>
